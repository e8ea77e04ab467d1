/**
 * Preloaded (`node --import`) into every process the benchmark times: at exit it appends the process's
 * peak resident set size, in kilobytes, and the CPU time all its threads used (user and system, in
 * microseconds) to the file named by BENCH_RSS_FILE.
 */
import { appendFileSync } from 'node:fs';

const file = process.env['BENCH_RSS_FILE'];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
