-- Work notifications carry the key of the event that caused them; see db/migrations/0023.
ALTER TABLE notifications ADD COLUMN event_key text NULL;
CREATE UNIQUE INDEX ux_notifications_event ON notifications (user_id, event_key) WHERE event_key IS NOT NULL;

CREATE TABLE notification_settings (
    user_id  bigint NOT NULL REFERENCES users (id),
    kind     text   NOT NULL,
    delivery text   NOT NULL CHECK (delivery IN ('off', 'app', 'email')),
    PRIMARY KEY (user_id, kind)
);
