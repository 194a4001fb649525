"""The report's inline stylesheet: no external assets, readable on a phone."""

from __future__ import annotations

__all__ = ["STYLESHEET"]

STYLESHEET = """
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#1f2328;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 4rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid #d0d7de}
a{color:#0b57d0}
nav{font-size:.9rem}
.meta,.muted{color:#57606a;font-size:.92rem}
.meta span+span:before{content:" · "}
.url{overflow-wrap:anywhere;font-size:.92rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.5rem;
  margin:1rem 0 .4rem;padding:0}
.stats li{list-style:none;background:#f6f8fa;border-radius:6px;padding:.4rem .6rem}
.stats b{display:block;font-size:1.3rem}
.bar{height:.7rem;background:#fbe3c4;border-radius:4px;overflow:hidden}
.bar span{display:block;height:100%;background:#2da44e}
.legend{font-size:.9rem;margin:.6rem 0}
.legend mark{padding:0 .3rem}
.text p{margin:0 0 1rem;white-space:pre-line}
mark.claim{color:inherit;border-radius:3px;padding:0 1px}
mark.cited{background:#dafbe1;border-bottom:2px solid #2da44e}
mark.uncited{background:#fff1d6;border-bottom:2px dashed #d4760a}
mark.claim:target{outline:2px solid #0b57d0}
sup.fn{font-size:.72em;line-height:0;vertical-align:baseline;position:relative;top:-.5em}
sup.fn a{text-decoration:none;font-weight:600;padding:0 2px}
sup.fn a+a:before{content:",";color:#57606a;padding-right:1px}
ol.sources{padding-left:0}
ol.sources li{list-style:none;margin:0 0 .9rem;padding-left:2.4rem;text-indent:-2.4rem;
  overflow-wrap:anywhere}
ol.sources li:target{background:#fff8c5}
.num{display:inline-block;width:2.4rem;text-indent:0;font-weight:600;color:#0b57d0}
ol.sources .url{font-size:.85rem}
ul.uncited{padding-left:0}
ul.uncited li{list-style:none;margin-bottom:.6rem;padding-left:3.2rem;text-indent:-3.2rem}
ul.uncited a{color:inherit;text-decoration:none;border-bottom:1px dashed #d4760a}
ul.uncited a:hover{color:#0b57d0}
.score{display:inline-block;width:2.8rem;margin-right:.4rem;text-indent:0;text-align:center;
  font-size:.85rem;font-weight:600;background:#fff1d6;border-radius:4px}
form{display:flex;gap:.5rem;margin:1rem 0}
input[type=search]{flex:1;min-width:0;font:inherit;padding:.35rem .5rem}
button{font:inherit;padding:.35rem .9rem}
ul.articles{padding:0}
ul.articles li{list-style:none;padding:.6rem 0;border-bottom:1px solid #eaeef2}
"""
