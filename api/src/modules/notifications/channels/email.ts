/**
 * E-mail through an SMTP server (SMTP_URL), with nodemailer. Chinese subjects go out RFC 2047
 * encoded; the HTML part escapes every value (a title with <script> arrives as text). The
 * Message-ID is the notification's own, so a retry after a lost acknowledgement is recognisable
 * as the same message.
 */
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** A link into the portal workspace, absolute. */
  link: string | null;
  /** Stable per (notification, channel): `<notification-<id>@dangjian>`. */
  messageId: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function htmlOf(message: Pick<EmailMessage, 'subject' | 'text' | 'link'>): string {
  const paragraphs = message.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const link = message.link ? `<p><a href="${escapeHtml(message.link)}">在工作台查看</a></p>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head><body><h1 style="font-size:18px">${escapeHtml(message.subject)}</h1>${paragraphs}${link}<p style="color:#666;font-size:12px">本邮件由数字党建平台自动发送，可在工作台的“通知设置”中调整。</p></body></html>`;
}

export function emailSender(url: URL, from: string): EmailSender {
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    // `smtp://…?tls=off` for a local relay without TLS; otherwise STARTTLS when offered.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 8,
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.link ? `${message.text}\n\n在工作台查看：${message.link}` : message.text,
        html: htmlOf(message),
        messageId: message.messageId,
      });
    },
    close: () => transport.close(),
  };
}
