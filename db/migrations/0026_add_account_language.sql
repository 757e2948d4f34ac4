-- The language a person works in on the staff side ('id' Bahasa Indonesia, 'en' English): their pages, dates and
-- numbers, and (issue 22) the notifications and e-mails written to them. NULL until they first sign in, when the
-- browser's preferred language is stored; they change it at /account.
ALTER TABLE users ADD COLUMN language TEXT NULL CHECK (language IN ('id', 'en'));
