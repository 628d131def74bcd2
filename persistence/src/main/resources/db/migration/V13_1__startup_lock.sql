-- Work that must run once when several servers start together on one database (the demo data) takes this
-- row's lock first: the first server does it, the others wait and then find it done.
CREATE TABLE startup_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('demo-data');
