// The lecture's table as `lecture-ab` races on it (x = 2, 4.5, 10; y = 19.6, 44.1, 98;
// ŷ = a·x + b), and its gradient computed here, independently of the app, for the race's
// specs to check the app's steps against.

/** The lecture table's x. */
export const XS = [2, 4.5, 10];
/** The lecture table's y. */
export const YS = [19.6, 44.1, 98];

/** ∇L of the plain sum L = Σ(y − a·x − b)². */
export function gradient(a: number, b: number): [number, number] {
  let ga = 0;
  let gb = 0;
  XS.forEach((x, i) => {
    const r = YS[i] - a * x - b;
    ga += -2 * x * r;
    gb += -2 * r;
  });
  return [ga, gb];
}
