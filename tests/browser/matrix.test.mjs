// Drives Debian's Chromium (through playwright-core) against a running
// `xwalk serve` on the bundled data: the page must show the regime matrix
// with one row per topic of jp-cip-topics and one column per framework of
// US, EU, SG, IN and MY, and a click on a cell must show its explanation.
// Usage: node matrix.test.mjs URL SCREENSHOT
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(what, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${what}`); }
  else { failed++; console.log(`not ok - ${what}${detail ? ": " + detail : ""}`); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = [];
  page.on("pageerror", e => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector("#matrix tbody tr", { timeout: 20000 });
  const rows = await page.locator("#matrix tbody tr").count();
  check("the matrix has a row per topic of jp-cip-topics (17)", rows === 17, `${rows} rows`);
  const columns = await page.locator("#matrix thead tr:nth-child(2) th").count() - 1;
  check("the matrix has a column per framework of US, EU, SG, IN and MY (10)", columns === 10, `${columns} columns`);
  const groups = await page.locator("#matrix thead tr:nth-child(1) th").allTextContents();
  check("columns are grouped by jurisdiction", groups.slice(1).join(",") === "US,EU,SG,IN,MY", groups.join(","));
  const cell = page.locator('#matrix td.cell[data-id="sbom"][data-fw="eu-cra"]');
  check("the SBOM x CRA cell is partial", (await cell.getAttribute("class")).includes("partial"));
  await cell.click();
  await page.waitForSelector("#evidence", { timeout: 10000 });
  const evidence = await page.locator("#evidence").innerText();
  check("a click shows the explanation with the mapping row", evidence.includes("II-1") && evidence.includes("eu-cra-to-jp-cip-topics"), evidence.slice(0, 200));
  await page.click("#lang");
  await page.waitForFunction(() => document.documentElement.lang === "ja");
  check("the label switch shows Japanese", (await page.locator("h1").innerText()).includes("横断比較"));
  await page.click("#lang");
  await page.fill("#q", "脆弱性");
  await page.press("#q", "Enter");
  await page.waitForSelector("#results tr", { timeout: 10000 });
  check("search in Japanese finds topics", (await page.locator("#results").innerText()).includes("vuln-disclosure"));
  await cell.click();
  await page.waitForSelector("#evidence");
  await page.screenshot({ path: screenshot, fullPage: true });
  check("no script errors", errors.length === 0, errors.join("; "));
} catch (e) {
  failed++;
  console.log(`not ok - the browser test ran to its end: ${e.message}`);
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
