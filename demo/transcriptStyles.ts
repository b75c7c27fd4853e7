// demo/transcriptStyles.ts: the transcript's stylesheet, after Discord's dark theme (its colours, sizes and spacing).

export const TRANSCRIPT_CSS = `
:root { color-scheme: dark; --bg: #313338; --bg-dark: #2b2d31; --bg-darker: #1e1f22; --text: #dbdee1; --muted: #949ba4;
  --header: #f2f3f5; --link: #00a8fc; --blurple: #5865f2; }
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.375 "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif, "Apple Color Emoji",
  "Segoe UI Emoji", "Noto Color Emoji"; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.app { display: grid; grid-template-columns: 240px 1fr; min-height: 100vh; }
.sidebar { background: var(--bg-dark); padding: 0 8px 16px; position: sticky; top: 0; height: 100vh; overflow: auto; }
.server-name { color: var(--header); font-weight: 600; padding: 14px 8px; margin: 0 -8px 8px;
  border-bottom: 1px solid var(--bg-darker); font-size: 15px; }
.sidebar a { display: block; color: var(--muted); padding: 5px 8px; border-radius: 4px; font-size: 15px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sidebar a:hover { background: #35373c; color: var(--text); text-decoration: none; }
.sidebar a.thread-link { padding-left: 28px; font-size: 14px; }
.sidebar .category { color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase;
  padding: 16px 8px 4px; letter-spacing: .02em; }
main { min-width: 0; }
.channel { border-bottom: 8px solid var(--bg-darker); padding-bottom: 16px; }
.channel-header { display: flex; align-items: center; gap: 8px; height: 48px; padding: 0 16px; position: sticky; top: 0;
  z-index: 1; background: var(--bg); border-bottom: 1px solid var(--bg-darker); box-shadow: 0 1px 0 rgba(4,4,5,.2); }
.channel-header h1 { font-size: 16px; font-weight: 600; color: var(--header); margin: 0; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.channel-header .icon { color: var(--muted); font-size: 20px; }
.channel-header .parent { color: var(--muted); font-size: 14px; white-space: nowrap; }
.message { position: relative; display: grid; grid-template-columns: 40px 1fr; column-gap: 16px;
  padding: 2px 48px 2px 16px; margin-top: 17px; }
.message:hover { background: #2e3035; }
.message.compact { margin-top: 0; }
.message.compact .avatar { visibility: hidden; height: 0; }
.message.refusal { background: rgba(218,55,60,.08); box-shadow: inset 2px 0 0 #da373c; }
.reply-context { grid-column: 1 / -1; display: flex; align-items: center; gap: 4px; font-size: 14px; color: var(--muted);
  margin-left: 56px; margin-bottom: 4px; position: relative; white-space: nowrap; overflow: hidden; }
.reply-context::before { content: ""; position: absolute; left: -36px; top: 9px; width: 33px; height: 12px;
  border-left: 2px solid #4e5058; border-top: 2px solid #4e5058; border-top-left-radius: 6px; }
.reply-context .reply-author { color: var(--header); font-weight: 500; }
.reply-context .reply-excerpt { overflow: hidden; text-overflow: ellipsis; }
.reply-context .command-name { color: var(--link); }
.avatar { width: 40px; height: 40px; border-radius: 50%; display: grid; place-items: center; color: #fff;
  font-weight: 600; font-size: 18px; margin-top: 2px; user-select: none; }
.avatar.tiny { width: 16px; height: 16px; font-size: 9px; margin: 0; }
.header { margin: 0; font-size: 16px; font-weight: 500; display: flex; align-items: baseline; gap: 4px; }
.author { color: var(--header); }
.bot-tag { background: var(--blurple); color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px;
  padding: 1px 4px; line-height: 15px; position: relative; top: -1px; }
.header time { color: var(--muted); font-size: 12px; font-weight: 400; margin-left: 4px; }
.content { white-space: normal; overflow-wrap: anywhere; }
.content .edited { color: var(--muted); font-size: 10px; }
.subtext { display: block; color: var(--muted); font-size: 13px; }
.quote { display: block; border-left: 4px solid #4e5058; padding: 0 8px 0 12px; }
.h1, .h2, .h3 { display: block; font-weight: 700; color: var(--header); margin: 8px 0 4px; }
.h1 { font-size: 24px; } .h2 { font-size: 20px; } .h3 { font-size: 16px; }
code { background: var(--bg-darker); border-radius: 3px; padding: 0 .2em; font-size: 85%;
  font-family: Consolas, "Andale Mono WT", "DejaVu Sans Mono", monospace; }
pre { background: var(--bg-dark); border: 1px solid var(--bg-darker); border-radius: 4px; padding: 8px; margin: 4px 0;
  overflow-x: auto; }
.mention { background: rgba(88,101,242,.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; font-weight: 500; }
a.mention:hover { background: var(--blurple); color: #fff; text-decoration: none; }
.spoiler { background: var(--bg-darker); color: transparent; border-radius: 3px; }
.spoiler:hover { color: inherit; }
.timestamp { background: rgba(255,255,255,.06); border-radius: 3px; padding: 0 2px; }
.attachments { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.attachments a { display: block; line-height: 0; }
.image { max-width: min(100%, 520px); max-height: 350px; width: auto; height: auto; border-radius: 8px; }
.file { display: flex; gap: 8px; align-items: center; background: var(--bg-dark); border: 1px solid var(--bg-darker);
  border-radius: 8px; padding: 10px; width: 400px; max-width: 100%; }
.embed { background: var(--bg-dark); border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px;
  margin-top: 4px; max-width: 520px; font-size: 14px; }
.embed-author { font-weight: 600; color: var(--header); margin-top: 8px; font-size: 14px; }
.embed-title { font-weight: 600; color: var(--header); margin-top: 8px; font-size: 16px; }
.embed-description { margin-top: 8px; }
.embed-fields { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 8px; }
.embed-field { flex: 1 1 100%; } .embed-field.inline { flex: 1 1 30%; }
.embed-field-name { font-weight: 600; color: var(--header); }
.embed-image { max-width: 100%; border-radius: 4px; margin-top: 16px; }
.embed-footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
.components { margin-top: 4px; }
.action-row { display: flex; flex-wrap: wrap; gap: 8px; padding: 4px 0; }
.button { display: inline-flex; align-items: center; gap: 4px; height: 32px; min-width: 60px; padding: 2px 16px;
  border: 0; border-radius: 8px; color: #fff; font: inherit; font-size: 14px; font-weight: 500; cursor: pointer;
  justify-content: center; }
.button.primary { background: var(--blurple); } .button.primary:hover { background: #4752c4; }
.button.secondary, .button.link { background: #4e5058; } .button.secondary:hover, .button.link:hover { background: #6d6f78; }
.button.success { background: #248046; } .button.success:hover { background: #15562b; }
.button.danger { background: #da373c; } .button.danger:hover { background: #a12828; }
.button[disabled] { opacity: .5; cursor: not-allowed; }
.button.link { text-decoration: none; } .button .external { font-size: 12px; }
.select { display: flex; justify-content: space-between; width: 400px; max-width: 100%; background: var(--bg-darker);
  border-radius: 4px; padding: 8px; color: var(--muted); }
.container { background: var(--bg-dark); border: 1px solid var(--bg-darker); border-left: 4px solid; border-radius: 8px;
  padding: 16px; max-width: 520px; }
.section { display: flex; justify-content: space-between; gap: 12px; align-items: center; }
.separator { border: 0; border-top: 1px solid #3f4147; margin: 8px 0; }
.thread-chip { display: flex; align-items: center; gap: 8px; margin-top: 6px; background: var(--bg-dark);
  border-radius: 4px; padding: 8px 12px; max-width: 480px; color: var(--header); font-weight: 600; font-size: 14px; }
.thread-chip .count { color: var(--link); font-weight: 500; margin-left: auto; white-space: nowrap; }
.ephemeral-note { color: var(--muted); font-size: 12px; margin-top: 4px; }
.system, .note { display: flex; align-items: center; gap: 16px; padding: 2px 48px 2px 16px; margin-top: 17px;
  color: var(--muted); font-size: 15px; }
.system .icon, .note .icon { width: 40px; text-align: center; flex: none; }
.system b, .note b, .note strong { color: var(--header); font-weight: 500; }
.system time { font-size: 12px; margin-left: 4px; }
.note { font-style: italic; }
.demo-footer { color: var(--muted); font-size: 13px; padding: 16px; }
@media (max-width: 720px) { .app { grid-template-columns: 1fr; } .sidebar { display: none; } }
`;
