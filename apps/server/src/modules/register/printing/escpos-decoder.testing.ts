// For tests: reads ESC/POS bytes back the way a printer would — text in the selected code page,
// character size and emphasis per line, QR code payloads and cuts. Written from the Epson ESC/POS
// command reference, independently of the encoder package, so it checks the encoder rather than
// mirroring it; an unknown command throws, so nothing is silently skipped.

/** One printed line: its text and the largest size and emphasis of its visible characters. */
export interface PrintedLine {
  text: string;
  width: number;
  height: number;
  isBold: boolean;
}

/** What came out of the printer. */
export interface PrintedReceipt {
  lines: PrintedLine[];
  qrCodes: string[];
  codepages: string[];
  cuts: number;
  /** Cash drawer pulses (ESC p m t1 t2): the connector pin and on/off times in ms. */
  pulses: { pin: number; onMs: number; offMs: number }[];
}

// ESC t n code page numbers of Epson printers that we decode.
const EPSON_CODEPAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 5: 'cp865', 19: 'cp858' };

// The upper halves (0x80–0xFF) of the code pages that hold the Nordic letters (IBM's charts).
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const HIGH_HALVES: Record<string, string> = {
  cp850: CP850_HIGH,
  // Code page 858 is 850 with the euro sign in place of the dotless i.
  cp858: CP850_HIGH.replace('ı', '€'),
  cp865:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
};

function decodeByte(byte: number, codepage: string): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return HIGH_HALVES[codepage]?.[byte - 0x80] ?? '\ufffd';
}

/** Decodes ESC/POS bytes; throws on a command it does not know, naming its offset. */
export function decodeEscPos(bytes: Uint8Array): PrintedReceipt {
  const result: PrintedReceipt = { lines: [], qrCodes: [], codepages: [], cuts: 0, pulses: [] };
  let codepage = 'cp437';
  let width = 1;
  let height = 1;
  let isBold = false;
  let qrData = '';
  let line: PrintedLine = { text: '', width: 1, height: 1, isBold: false };
  const endLine = () => {
    result.lines.push(line);
    line = { text: '', width: 1, height: 1, isBold: false };
  };
  const at = (i: number) => {
    const value = bytes[i];
    if (value === undefined) throw new Error(`Command cut short at byte ${i}`);
    return value;
  };

  let i = 0;
  while (i < bytes.length) {
    const byte = at(i);
    if (byte === 0x0a) {
      endLine();
      i += 1;
    } else if (byte === 0x0d) {
      i += 1;
    } else if (byte === 0x1b) {
      const command = String.fromCharCode(at(i + 1));
      if (command === '@') {
        [codepage, width, height, isBold] = ['cp437', 1, 1, false];
        i += 2;
      } else if (command === 'E') {
        isBold = (at(i + 2) & 1) === 1;
        i += 3;
      } else if (command === 't') {
        codepage = EPSON_CODEPAGES[at(i + 2)] ?? `unknown:${at(i + 2)}`;
        result.codepages.push(codepage);
        i += 3;
      } else if ('Ma-43JdU!'.includes(command)) {
        i += 3; // font, alignment, underline, italic, line spacing, feed: no effect on the text
      } else if (command === '2') {
        i += 2;
      } else if (command === 'p') {
        // ESC p m t1 t2: pulse drawer pin m (0 = pin 2, 1 = pin 5) for t1 × 2 ms on, t2 × 2 ms off.
        result.pulses.push({ pin: at(i + 2) & 1 ? 5 : 2, onMs: at(i + 3) * 2, offMs: at(i + 4) * 2 });
        i += 5;
      } else {
        throw new Error(`Unknown ESC ${command} at byte ${i}`);
      }
    } else if (byte === 0x1d) {
      const command = String.fromCharCode(at(i + 1));
      if (command === '!') {
        const n = at(i + 2);
        width = (n >> 4) + 1;
        height = (n & 0x0f) + 1;
        i += 3;
      } else if (command === 'B') {
        i += 3;
      } else if (command === 'V') {
        result.cuts += 1;
        i += at(i + 2) >= 65 ? 4 : 3;
      } else if (command === '(' && String.fromCharCode(at(i + 2)) === 'k') {
        // GS ( k pL pH cn fn …: a 2D code function; cn 49 is QR, fn 80 stores data, fn 81 prints it.
        const length = at(i + 3) + at(i + 4) * 256;
        const [cn, fn] = [at(i + 5), at(i + 6)];
        if (cn === 49 && fn === 80) qrData = String.fromCharCode(...bytes.slice(i + 8, i + 5 + length));
        if (cn === 49 && fn === 81) result.qrCodes.push(qrData);
        i += 5 + length;
      } else {
        throw new Error(`Unknown GS ${command} at byte ${i}`);
      }
    } else if (byte === 0x1c) {
      i += 2; // FS . / FS &: Kanji mode off/on
    } else if (byte < 0x20) {
      throw new Error(`Unknown control byte ${byte} at ${i}`);
    } else {
      const char = decodeByte(byte, codepage);
      line.text += char;
      if (char !== ' ') {
        line.width = Math.max(line.width, width);
        line.height = Math.max(line.height, height);
        line.isBold ||= isBold;
      }
      i += 1;
    }
  }
  if (line.text !== '') endLine();
  return result;
}

/** The printed text, one string per line, trimmed. */
export function printedText(receipt: PrintedReceipt): string[] {
  return receipt.lines.map((l) => l.text.trim()).filter((t) => t !== '');
}
