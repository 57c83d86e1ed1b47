// A Code 128 reader for tests: it decodes the bars of a barcode image (one pixel row of RGB bytes),
// so a test can check that a label's barcode says the tracking number from the bars themselves,
// not from the printed text. Widths per ISO/IEC 15417; code sets A, B and C with their switches.

/** Bar/space widths in modules of the symbol values 0–105, and the stop (106). */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232 2331112'
).split(' ');
const VALUE_OF = new Map(PATTERNS.map((p, value) => [p, value]));
const [START_A, START_B, START_C, STOP] = [103, 104, 105, 106];

/** Runs of dark and light pixels along one row, starting at the first dark one. */
function runsOf(isDark: readonly boolean[]): number[] {
  const first = isDark.indexOf(true);
  const last = isDark.lastIndexOf(true);
  if (first < 0) throw new Error('No bars in the row');
  const runs: number[] = [];
  let length = 1;
  for (let x = first + 1; x <= last; x++) {
    if (isDark[x] === isDark[x - 1]) length++;
    else {
      runs.push(length);
      length = 1;
    }
  }
  runs.push(length);
  return runs;
}

/** The symbol values of a row of bars, checked: start, data, check symbol (mod 103), stop. */
function valuesOf(runs: readonly number[]): number[] {
  // n symbols of 6 runs (11 modules each) and the stop of 7 runs (13 modules).
  if ((runs.length - 7) % 6 !== 0) throw new Error(`${runs.length} bars and spaces is not Code 128`);
  const symbols = (runs.length - 7) / 6;
  const moduleWidth = runs.reduce((a, b) => a + b, 0) / (symbols * 11 + 13);
  const widths = runs.map((r) => Math.round(r / moduleWidth));
  const values: number[] = [];
  for (let i = 0; i <= symbols * 6; i += 6) {
    const pattern = widths.slice(i, i === symbols * 6 ? i + 7 : i + 6).join('');
    const value = VALUE_OF.get(pattern);
    if (value === undefined) throw new Error(`Unknown pattern ${pattern} at symbol ${i / 6}`);
    values.push(value);
  }
  if (values.at(-1) !== STOP) throw new Error('No stop pattern');
  const [start, ...rest] = values.slice(0, -1);
  const check = rest.pop()!;
  const sum = rest.reduce((acc, v, i) => acc + v * (i + 1), start!);
  if (sum % 103 !== check) throw new Error(`Check symbol ${check}, expected ${sum % 103}`);
  if (start !== START_A && start !== START_B && start !== START_C) throw new Error('No start pattern');
  return [start!, ...rest];
}

/** The text of the symbol values (start first), following code-set switches and shifts. */
function textOf(values: readonly number[]): string {
  let set: 'A' | 'B' | 'C' = values[0] === START_A ? 'A' : values[0] === START_B ? 'B' : 'C';
  let text = '';
  let shifted = false;
  for (const v of values.slice(1)) {
    const current = shifted ? (set === 'A' ? 'B' : 'A') : set;
    shifted = false;
    if (current === 'C') {
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === 100) set = 'B';
      else if (v === 101) set = 'A';
      continue; // 102 is FNC1: no text
    }
    if (v < 96) {
      // A: space … underscore, then the control characters; B: space … DEL.
      text += String.fromCharCode(current === 'A' ? (v < 64 ? v + 32 : v - 64) : v + 32);
    } else if (v === 98) shifted = true;
    else if (v === 99) set = 'C';
    else if (v === 100 && current === 'A') set = 'B';
    else if (v === 101 && current === 'B') set = 'A';
    // 96, 97, 102 (FNC3, FNC2, FNC1) and FNC4 carry no text here.
  }
  return text;
}

/** Decodes the Code 128 barcode in an RGB image, reading the row through its middle. */
export function decodeCode128(image: { width: number; height: number; rgb: Buffer }): string {
  const y = Math.floor(image.height / 2);
  const isDark = Array.from({ length: image.width }, (_, x) => {
    const i = (y * image.width + x) * 3;
    return image.rgb[i]! + image.rgb[i + 1]! + image.rgb[i + 2]! < 3 * 128;
  });
  return textOf(valuesOf(runsOf(isDark)));
}
