/**
 * A PostgreSQL array literal of integers, for `= any(?::int[])`: the driver would spread a JS array
 * into a list of parameters. Each value is forced to an integer, so nothing else can be spliced in.
 */
export const intArray = (ids: readonly (number | string)[]): string => `{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`;
