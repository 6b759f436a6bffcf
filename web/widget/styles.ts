// Lives in the shadow root: the office's CSS cannot reach in and ours cannot leak out.
// Colours meet WCAG AA (4.5:1 for text) on their backgrounds.
export const css = `
:host{all:initial}
*{box-sizing:border-box}
.root{font:15px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP","Yu Gothic UI",Meiryo,sans-serif;color:#1b1b1b}
button,input,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid #b4400a;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border:0;border-radius:24px;background:#0b5394;color:#fff;font-weight:700;cursor:pointer;box-shadow:0 2px 10px rgba(0,0,0,.3)}
.launcher:hover{background:#083f70}
.launcher svg{width:22px;height:22px;fill:currentColor}
.panel{position:fixed;right:16px;bottom:80px;z-index:2147483001;display:flex;flex-direction:column;width:380px;height:min(640px,calc(100vh - 100px));background:#fff;border:1px solid #8a8a8a;border-radius:12px;box-shadow:0 6px 28px rgba(0,0,0,.3);overflow:hidden}
.panel[hidden]{display:none}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border:0;border-radius:0}}
header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#0b5394;color:#fff}
h2{flex:1;margin:0;font-size:16px;line-height:1.3}
h2 small{display:block;font-size:12px;font-weight:400}
header button{min-width:44px;min-height:44px;padding:4px 10px;border:1px solid #fff;border-radius:6px;background:transparent;color:#fff;cursor:pointer}
header select{min-height:44px;max-width:9em;padding:4px 6px;border:1px solid #fff;border-radius:6px;background:#0b5394;color:#fff;font:inherit;font-size:14px;cursor:pointer}
header :focus-visible{outline-color:#fff}
rt{font-size:.55em}
.log{flex:1;margin:0;padding:12px;overflow-y:auto;list-style:none;background:#f7f7f7}
.msg{max-width:88%;margin:0 0 10px;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.bot{background:#fff;border:1px solid #c8c8c8}
.staff{background:#fff8e6;border:1px solid #a86b00}
.who{display:block;font-size:12px;font-weight:700;color:#6b4400}
.user{margin-left:auto;background:#0b5394;color:#fff}
.user a{color:#fff}
a{color:#0b5394}
.choices{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 0;white-space:normal}
.choice{min-height:44px;padding:8px 14px;border:2px solid #0b5394;border-radius:22px;background:#fff;color:#0b5394;cursor:pointer;text-align:left}
.choice:hover{background:#e8f0f8}
.card{margin-top:8px;padding:8px 10px;border:2px solid #0b5394;border-radius:8px;background:#fff;white-space:normal}
.card .status{margin:0 0 4px;font-weight:700}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.card dt{color:#4a4a4a}
.card dd{margin:0;white-space:pre-wrap}
.notice{margin:0;padding:10px 12px;border-top:1px solid #c8c8c8;white-space:pre-wrap;background:#fff8e6}
.notice.error{background:#fdecea;color:#7a1010}
.notice button{display:block;margin-top:6px;min-height:44px;padding:6px 14px;border:2px solid currentColor;border-radius:6px;background:#fff;cursor:pointer}
.typing{color:#4a4a4a;font-style:italic}
form{display:flex;flex-direction:column;gap:6px;padding:10px 12px;border-top:1px solid #c8c8c8;background:#fff}
.picker{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.picker[hidden]{display:none}
.row{display:flex;gap:8px;align-items:flex-end}
input,textarea{min-height:44px;padding:8px 10px;border:1px solid #6b6b6b;border-radius:8px;background:#fff}
textarea{flex:1;resize:none;max-height:120px}
.send{min-height:44px;padding:8px 16px;border:0;border-radius:8px;background:#0b5394;color:#fff;font-weight:700;cursor:pointer}
.send:disabled,.choice:disabled{opacity:.6;cursor:default}
@media (prefers-reduced-motion:no-preference){
.panel{animation:rise .18s ease-out}
.msg{animation:fade .2s ease-out}
@keyframes rise{from{opacity:0;transform:translateY(12px)}}
@keyframes fade{from{opacity:0}}
}
`;
