// Where a payload says which workspace it comes from differs per payload kind.
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function teamIdOf(body: unknown): string | undefined {
  const authorizations = field(body, 'authorizations');
  const firstAuth = Array.isArray(authorizations) ? (authorizations[0] as unknown) : undefined;
  return (
    str(field(body, 'team_id')) ??
    str(field(field(body, 'team'), 'id')) ??
    str(field(firstAuth, 'team_id')) ??
    str(field(field(body, 'user'), 'team_id')) ??
    str(field(field(body, 'view'), 'team_id'))
  );
}
