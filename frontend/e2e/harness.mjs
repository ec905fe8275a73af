// A small sequential runner: journey steps depend on the ones before, so after a failure the rest are
// reported as failed (not run), never silently skipped.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function createRun(outputDir) {
  const screenshots = join(outputDir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  const results = [];
  let broken = null;
  let shot = 0;

  async function step(name, body) {
    if (broken) {
      results.push({ name, status: 'failed', error: `not run: "${broken}" failed before it` });
      console.log(`  ✗ ${name} (not run)`);
      return;
    }
    const started = Date.now();
    try {
      await body();
      results.push({ name, status: 'passed', ms: Date.now() - started });
      console.log(`  ✓ ${name}`);
    } catch (error) {
      broken = name;
      results.push({ name, status: 'failed', error: String(error?.stack ?? error) });
      console.log(`  ✗ ${name}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
    }
  }

  async function screenshot(page, name) {
    shot += 1;
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.screenshot({ path: join(screenshots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  }

  /** Runs axe-core in the page and fails on any serious or critical violation. */
  async function accessible(page, label) {
    await page.waitForLoadState('networkidle').catch(() => {});
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const report = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return report.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
    });
    if (violations.length > 0) throw new Error(`${label}: ${violations.length} serious/critical accessibility violation(s)\n${violations.join('\n')}`);
  }

  function finish(file) {
    const count = (status) => results.filter((result) => result.status === status).length;
    const summary = { passed: count('passed'), failed: count('failed'), skipped: 0, tests: results };
    writeFileSync(file, JSON.stringify(summary, null, 2));
    return summary;
  }

  return { step, screenshot, accessible, finish, fail: (name, error) => results.push({ name, status: 'failed', error: String(error) }) };
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
