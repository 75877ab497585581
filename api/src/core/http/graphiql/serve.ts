/**
 * GraphiQL on `GET /graphql` for browsers, from the bundle build.ts made (no CDN). Open in
 * development; in production it is the same page, with a sign-in form and a field to paste an API
 * key — anonymous callers still get no introspection (the exposure policy), so the docs panel
 * fills once the caller signs in or pastes a key.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GRAPHIQL_DIR } from './build.js';

const ASSETS = '/graphiql';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function page(graphqlPath: string, production: boolean, signInDocumentId: string): string {
  const defaultQuery = '# 数字党建平台 GraphQL 接口\n# 文档：右侧 Docs；接入指南：docs/integrators.md\n\nquery {\n  viewer {\n    kind\n  }\n}\n';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · 数字党建平台接口</title>
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 12px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; }
  header input { font: inherit; padding: 2px 6px; }
  header #api-key { width: 24em; }
  #sign-in { display: flex; gap: 8px; align-items: center; margin-left: auto; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body data-endpoint="${escape(graphqlPath)}" data-sign-in-document="${escape(signInDocumentId)}" data-default-query="${escape(defaultQuery)}">
<header>
  <strong>数字党建平台接口</strong>
  <label>API 密钥 <input id="api-key" type="password" autocomplete="off" placeholder="${production ? '生产环境：登录或粘贴密钥后可查看文档' : '可选：以密钥身份调用'}"></label>
  <form id="sign-in">
    <label>账号 <input name="login" autocomplete="username" size="16"></label>
    <label>密码 <input name="password" type="password" autocomplete="current-password" size="12"></label>
    <button type="submit">登录</button>
    <output id="sign-in-status"></output>
  </form>
</header>
<div id="graphiql"></div>
<script type="module" src="${ASSETS}/graphiql.js"></script>
</body>
</html>`;
}

/**
 * The IDE's assets, and the page for a browser's GET (anything else falls through to Apollo).
 * People sign in through the portals' trusted SignIn document (by id), which anonymous callers may
 * run even in production; the API's session cookie then makes the IDE theirs.
 */
export function graphiql(graphqlPath: string, production: boolean, signInDocumentId: string) {
  const router = express.Router();
  router.use(ASSETS, express.static(GRAPHIQL_DIR, { immutable: false, maxAge: '1h', fallthrough: true }));
  const html = page(graphqlPath, production, signInDocumentId);
  router.get(graphqlPath, (req: Request, res: Response, next: NextFunction) => {
    // A browser navigating here (HTML preferred; a `?query=` is the IDE's initial query): the IDE.
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    if (!fs.existsSync(path.join(GRAPHIQL_DIR, 'graphiql.js'))) {
      return void res.status(503).type('text/plain; charset=utf-8').send('GraphiQL is not built: run `pnpm start`, or `pnpm --filter @dangjian/api graphiql:build`.');
    }
    res.setHeader('content-security-policy', "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:");
    res.type('html').send(html);
  });
  return router;
}
