// Request bodies for MLflow's REST API. JSON has no NaN or Infinity; MLflow's protobuf parser
// reads them as the strings "NaN", "Infinity" and "-Infinity".

export function toRestJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'number' || Number.isFinite(member)) return member;
    if (Number.isNaN(member)) return 'NaN';
    return member > 0 ? 'Infinity' : '-Infinity';
  });
}
