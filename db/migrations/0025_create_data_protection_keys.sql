-- ASP.NET Core data-protection keys (they sign and encrypt sign-in cookies and antiforgery tokens), shared by every
-- node of a desk: a cookie issued by one node is read by another, and a restored backup keeps everyone signed in.
-- friendly_name is the key manager's own name for an element (key-<guid>, revocation-<date>); xml is the element.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL UNIQUE,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
