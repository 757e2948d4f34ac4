-- Work notifications (assigned, changes requested, mentioned…) carry the key of the event that caused them: one
-- person gets one notification per event, whatever retries or restarts happen. Reminders and digests keep their
-- own keys (reminders, digests) and leave event_key NULL.
ALTER TABLE notifications ADD COLUMN event_key TEXT NULL;
CREATE UNIQUE INDEX ux_notifications_event ON notifications (user_id, event_key) WHERE event_key IS NOT NULL;

-- How each kind of work notification reaches a person: 'off', 'app' (the bell and inbox) or 'email' (both).
-- No row: the kind's default (NotificationKinds).
CREATE TABLE notification_settings (
    user_id  INTEGER NOT NULL REFERENCES users (id),
    kind     TEXT    NOT NULL,
    delivery TEXT    NOT NULL CHECK (delivery IN ('off', 'app', 'email')),
    PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;
