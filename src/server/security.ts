// Headers and request checks every response gets: a CSP without inline scripts, no framing, no sniffing;
// a Host check against DNS rebinding, and an Origin check on state-changing requests (CSRF), which also
// protects the token-less inbox on 127.0.0.1 from pages on other sites.
import type { NextFunction, Request, Response } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The Adaptive Cards renderer sets element styles from JavaScript.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** One year, as browsers' preload lists expect; sent only when PUBLIC_URL is https. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(options: { hsts: boolean } = { hsts: false }) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    setSecurityHeaders(res, options.hsts);
    next();
  };
}

function setSecurityHeaders(res: Response, hsts: boolean): void {
  if (hsts) res.setHeader('Strict-Transport-Security', HSTS);
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/**
 * On a loopback address only local host names are accepted, so that a web page whose domain
 * resolves to 127.0.0.1 cannot talk to the advisor. `allowed` adds PUBLIC_URL's host.
 */
export function hostCheck(loopback: boolean, allowed: string[]) {
  const extra = new Set(allowed.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!loopback) {
      next();
      return;
    }
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || extra.has(host)) {
      next();
      return;
    }
    res.status(421).json({ error: 'unknown-host' });
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Browser requests that change something must come from our own pages. Slack and Teams send no Origin.
 * Our own origin is PUBLIC_URL's when set (behind a proxy the Host header is the proxy's upstream name),
 * and the address the request reached (Host, or X-Forwarded-Host/-Proto with TRUST_PROXY). An opaque
 * `Origin: null` (sandboxed frames, some redirects) is refused unless Fetch Metadata says same-origin.
 */
export function sameOriginWrites(exempt: string[], publicUrl?: string) {
  const configured = publicUrl ? originOf(publicUrl) : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE.has(req.method) || exempt.some((prefix) => req.path.startsWith(prefix))) {
      next();
      return;
    }
    const refuse = (): void => {
      res.status(403).json({ error: 'cross-site-request' });
    };
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      refuse();
      return;
    }
    const origin = req.headers.origin;
    if (origin === undefined) {
      // No Origin at all: not a browser's cross-origin form or fetch (they always send one on POST).
      next();
      return;
    }
    if (origin === 'null') {
      if (site === 'same-origin') next();
      else refuse();
      return;
    }
    const given = originOf(origin);
    const own = originOf(`${req.protocol}://${req.get('host') ?? ''}`);
    if (given !== undefined && (given === configured || given === own)) {
      next();
      return;
    }
    refuse();
  };
}
