-- A notification keeps what it says as a message key and its arguments (JSON), so the inbox writes it in the reader's
-- language at the time they read it: someone who switches to Indonesian sees their whole inbox in Indonesian.
-- title and body stay, written in the recipient's language when it was sent: the text e-mail and API clients got,
-- and the only text of notifications written before this migration (message NULL).
ALTER TABLE notifications ADD COLUMN message TEXT NULL;
