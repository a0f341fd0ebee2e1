import 'server-only';
import nodemailer from 'nodemailer';
import { JobFailure } from '../jobs/job-failure';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Network and SMTP failures, in words an admin can act on; the server's reply text can hold hosts. */
function describeSmtpFailure(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof responseCode === 'number') return `The SMTP server refused the message (reply ${responseCode}).`;
  if (code === 'ECONNREFUSED' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'ECONNECTION') {
    return 'The SMTP server could not be reached.';
  }
  if (code === 'EAUTH') return 'The SMTP server refused the credentials in SMTP_URL.';
  return 'The email could not be sent.';
}

/** Email over SMTP (`SMTP_URL`, e.g. smtp://user:pass@host:587 or smtps://…), from `from`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        console.error('SMTP failure', error);
        throw new JobFailure(describeSmtpFailure(error));
      }
    },
    close() {
      transport.close();
    },
  };
}
