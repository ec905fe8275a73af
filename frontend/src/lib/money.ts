/** Adds euro amounts in whole cents, so 0.1 + 0.2 is 0.30 and not 0.30000000000000004. */
export function addEuros(...amounts: number[]): number {
  return amounts.reduce((cents, amount) => cents + Math.round(amount * 100), 0) / 100;
}
