// Reading from the person at the terminal: a password without echo that ends on Enter, and a
// yes/no question. With standard input piped (scripts, tests) the first line is the answer.
import { createInterface } from 'node:readline';

/** The first line of piped standard input. */
async function pipedLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** One line typed at the terminal, echoing nothing (or `*` per character when asked). */
function hiddenLine(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          return;
        }
        if (char === '\u0003') {
          finish(new Error('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** A new password: typed twice without echo at a terminal, or the first line of a pipe. */
export async function readNewPassword(): Promise<string> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await hiddenLine('Password: ');
    const again = await hiddenLine('Password again: ');
    if (again !== password) throw new Error('The two passwords differ; nothing was changed.');
  } else {
    password = await pipedLine();
  }
  if (password.length < 8) throw new Error('The password must have at least 8 characters.');
  return password;
}

/** A yes/no question at a terminal; false (and nothing asked) when input is piped. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.question(`${question} [y/N] `, resolve);
    });
    return /^(y|yes|是)$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}
