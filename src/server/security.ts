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

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  next();
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

/** Browser requests that change something must come from our own pages. Slack and Teams send no Origin. */
export function sameOriginWrites(exempt: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE.has(req.method) || exempt.some((prefix) => req.path.startsWith(prefix))) {
      next();
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      res.status(403).json({ error: 'cross-site-request' });
      return;
    }
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let originHost = '';
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = '';
      }
      if (originHost !== req.headers.host) {
        res.status(403).json({ error: 'cross-site-request' });
        return;
      }
    }
    next();
  };
}
