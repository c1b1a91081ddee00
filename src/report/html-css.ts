/**
 * The advising page's stylesheet, inlined (the page fetches nothing). Green for complete, amber for
 * in progress, a neutral grey for "not yet", red only for problems; one column on a phone; print.
 */
export const PAGE_CSS = `
:root{--ok:#1a7f37;--ok-bg:#dafbe1;--wip:#7d4e00;--wip-bg:#fff8c5;--todo:#424a53;--todo-bg:#eaeef2;--bad:#b42318;--bad-bg:#ffebe9;--hyp:#6639ba;--hyp-bg:#fbefff;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff;overflow-wrap:anywhere}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:1.7rem;margin:0 0 4px;line-height:1.2}
h2{font-size:1.35rem;margin:40px 0 4px;padding-top:20px;border-top:2px solid var(--line);line-height:1.3}
h3{font-size:1.05rem;margin:22px 0 6px}
a{color:inherit}
.muted,.code{color:var(--muted)}
.code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
.legend{font-size:.9rem;color:var(--muted);margin:4px 0 0}
.badge{display:inline-block;padding:0 9px;border-radius:999px;font-size:.8rem;font-weight:600;vertical-align:.15em;border:1px solid transparent;white-space:nowrap}
.badge.complete{background:var(--ok-bg);color:var(--ok);border-color:var(--ok)}
.badge.in-progress{background:var(--wip-bg);color:var(--wip);border-color:var(--wip)}
.badge.incomplete{background:var(--todo-bg);color:var(--todo);border-color:#afb8c1}
.badge.what-if,.hyp{background:var(--hyp-bg);color:var(--hyp);border:1px dashed var(--hyp)}
.hyp{padding:0 6px;border-radius:4px;font-size:.85em;white-space:nowrap}
.notice{padding:10px 14px;border-radius:8px;margin:12px 0;border:1px solid var(--line);background:var(--bg)}
.notice.what-if{border:1px dashed var(--hyp);background:var(--hyp-bg)}
.notice.problems{border-color:var(--bad);background:var(--bad-bg)}
.notice.problems h3{margin:0 0 4px;color:var(--bad)}
.notice ul{margin:4px 0 0;padding-left:20px}
ol.overview{list-style:none;padding:0;margin:0;display:grid;gap:12px}
ol.overview>li{border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card-head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;justify-content:space-between}
.card-head a{font-weight:600}
.summary{margin:6px 0 0}
progress{display:block;width:100%;height:12px;margin:8px 0 2px;accent-color:var(--ok)}
progress.incomplete{accent-color:#57606a}progress.in-progress{accent-color:#bf8700}
ul.tree{list-style:none;padding-left:20px;margin:2px 0}
section>ul.tree{padding-left:0}
li.req{margin:3px 0}
.mark{display:inline-block;width:1.3em;font-weight:700}
.s-complete>.mark{color:var(--ok)}.s-in-progress>.mark{color:var(--wip)}.s-incomplete>.mark{color:var(--todo)}
.state{font-size:.8rem;padding:0 6px;border-radius:4px;background:var(--bg);color:var(--muted);white-space:nowrap}
.s-complete>.state{color:var(--ok);background:var(--ok-bg)}.s-in-progress>.state{color:var(--wip);background:var(--wip-bg)}
.s-problem>.mark{color:var(--bad)}.s-problem>.state{color:var(--bad);background:var(--bad-bg);font-weight:600}
.s-not-needed,.s-not-applicable{color:var(--muted)}
.s-not-needed>.name,.s-not-applicable>.name{text-decoration:none;font-style:italic}
.figure{color:var(--muted);font-size:.9rem;white-space:nowrap}
.counted{color:var(--muted);font-size:.9rem;margin-left:1.3em}
ul.remaining{padding-left:20px;margin:4px 0}ul.remaining>li{margin:6px 0}
li.choose{list-style:none;margin-left:-20px;padding:8px 12px;border:1px solid var(--line);border-left:4px solid #8c959f;border-radius:6px;background:var(--bg)}
ol.alternatives{margin:6px 0 0;padding-left:22px}ol.alternatives>li{margin:6px 0}
ol.alternatives>li::marker{color:var(--muted)}
ul.options{margin:2px 0 0;padding-left:20px;columns:2 260px;column-gap:24px}
ul.options>li{break-inside:avoid}
.name{font-weight:600}
ol.steps{padding-left:0;list-style:none;margin:6px 0;display:grid;gap:8px}
ol.steps>li{border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.step-head{font-weight:600}
ol.steps ul{margin:4px 0 0;padding-left:20px;columns:2 260px;column-gap:24px}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg)}
tr.problem td:last-child{color:var(--bad);font-weight:600}
.graph{margin:8px 0}.graph figcaption{margin-top:4px}
svg.stacking{max-width:100%;height:auto;display:block}
svg.stacking text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--ink)}
svg.stacking .code{font:10.5px ui-monospace,Menlo,Consolas,monospace;fill:var(--muted)}
svg.stacking rect{fill:#fff;stroke:#8c959f;stroke-width:1}
svg.stacking .held rect{fill:var(--bg);stroke:#57606a}
svg.stacking .target rect{fill:var(--ok-bg);stroke:var(--ok);stroke-width:2}
svg.stacking .edge{fill:none;stroke:#8c959f;stroke-width:1.25}
svg.stacking .arrowhead{fill:#6e7781}
ul.paths{display:none;padding-left:20px;margin:4px 0}ul.paths>li{margin:4px 0}
@media (max-width:640px){
main{padding:14px}
h1{font-size:1.4rem}h2{font-size:1.2rem;margin-top:28px}
ul.tree ul.tree{padding-left:14px}
.graph svg,.graph figcaption{display:none}ul.paths{display:block}
th,td{padding:5px 4px}
}
@media print{
body{font-size:11pt}main{max-width:none;padding:0}
h2{break-after:avoid}section{break-before:page}section:first-of-type{break-before:auto}
li,tr,ol.steps>li,ol.overview>li{break-inside:avoid}
a{text-decoration:none}
.badge,.state,.hyp{border:1px solid currentColor}
ul.paths{display:block}
}
`;
