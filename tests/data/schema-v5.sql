-- An xwalk database at schema version 5, as xwalk 0.1.0 (commit e711ff4) wrote it
-- when migrating schema-v4.sql, kept to test forward migration.
-- Load with: sqlite3 FILE < schema-v5.sql
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE framework (  id TEXT PRIMARY KEY,  name TEXT NOT NULL,  version TEXT NOT NULL,  jurisdiction TEXT NOT NULL,  issuer TEXT,  kind TEXT CHECK (kind IN ('law','regulation','guideline','standard',                           'certification','framework')),  published TEXT,  url TEXT,  license TEXT,  language TEXT,  status TEXT NOT NULL DEFAULT 'official'    CHECK (status IN ('official','partial','provisional')),  imported_at TEXT NOT NULL,  source_file TEXT,  source_sha256 TEXT, urn TEXT);
INSERT INTO framework VALUES('alpha','Alpha','1','JP',NULL,NULL,NULL,NULL,NULL,NULL,'official','2026-11-25T20:07:06Z','tests/data/alpha.csv','3e5cda5273a4a4ec0e25d3fb6113a526c21bd6fc470c38a19f6cebf91536fe92',NULL);
INSERT INTO framework VALUES('beta','Beta','1','EU',NULL,NULL,NULL,NULL,NULL,NULL,'official','2026-11-25T20:07:06Z','/tmp/beta-w.csv','88b68e1fd2ae5a490c9f258a0f7b293927b1635debe1049036638ad947af2242',NULL);
CREATE TABLE control (  cid INTEGER PRIMARY KEY,  framework TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE,  id TEXT NOT NULL,  parent TEXT,  ordinal INTEGER NOT NULL,  title TEXT NOT NULL,  description TEXT,  title_ja TEXT,  description_ja TEXT,  assessable INTEGER NOT NULL DEFAULT 1 CHECK (assessable IN (0,1)),  tags TEXT,  source_ref TEXT, withdrawn INTEGER NOT NULL DEFAULT 0  CHECK (withdrawn IN (0,1)), urn TEXT, sort_key TEXT, alt_id TEXT,  UNIQUE (framework, id),  FOREIGN KEY (framework, parent) REFERENCES control(framework, id)    DEFERRABLE INITIALLY DEFERRED);
INSERT INTO control VALUES(1,'alpha','A',NULL,0,'Alpha heading',NULL,'見出しA',NULL,0,NULL,'§1',0,NULL,NULL,NULL);
INSERT INTO control VALUES(2,'alpha','A.1','A',1,'First alpha requirement',NULL,'最初の要件',NULL,1,NULL,'§1.1',0,NULL,NULL,NULL);
INSERT INTO control VALUES(3,'alpha','A.2','A',2,'Second alpha requirement',NULL,NULL,NULL,1,NULL,'§1.2',0,NULL,NULL,NULL);
INSERT INTO control VALUES(4,'alpha','B',NULL,3,'Beta requirement',NULL,NULL,NULL,1,NULL,'§2',0,NULL,NULL,NULL);
INSERT INTO control VALUES(5,'beta','X1',NULL,0,'Beta one',NULL,NULL,NULL,1,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO control VALUES(6,'beta','X2',NULL,1,'Beta two',NULL,NULL,NULL,1,NULL,NULL,1,NULL,NULL,NULL);
INSERT INTO control VALUES(7,'beta','X3',NULL,2,'Beta three',NULL,NULL,NULL,1,NULL,NULL,0,NULL,NULL,NULL);
CREATE TABLE mapping_set (  sid INTEGER PRIMARY KEY,  id TEXT NOT NULL UNIQUE,  source TEXT NOT NULL REFERENCES framework(id),  target TEXT NOT NULL REFERENCES framework(id),  version TEXT,  author TEXT,  method TEXT CHECK (method IN ('human','automation','hybrid')),  status TEXT CHECK (status IN ('draft','complete','not-complete',                               'deprecated','superseded')),  exhaustive INTEGER NOT NULL DEFAULT 0 CHECK (exhaustive IN (0,1)),  published TEXT,  license TEXT,  url TEXT,  imported_at TEXT NOT NULL,  source_file TEXT,  source_sha256 TEXT, urn TEXT, extra TEXT);
INSERT INTO mapping_set VALUES(1,'beta-to-alpha','beta','alpha',NULL,'tester',NULL,NULL,0,NULL,NULL,NULL,'2026-11-25T20:07:06Z','tests/data/beta-to-alpha.csv','936794ccc695c1fb737806ba932846666bf29769acae0eb1de4e5f40839a96b4',NULL,NULL);
CREATE TABLE IF NOT EXISTS "mapping" (  sid INTEGER NOT NULL REFERENCES mapping_set(sid) ON DELETE CASCADE,  source INTEGER NOT NULL REFERENCES control(cid),  target INTEGER NOT NULL REFERENCES control(cid),  relationship TEXT NOT NULL CHECK (relationship IN ('equal-to',    'equivalent-to','subset-of','superset-of','intersects-with',    'no-relationship')),  rationale TEXT NOT NULL DEFAULT ''    CHECK (rationale IN ('','syntactic','semantic','functional')),  strength INTEGER CHECK (strength BETWEEN 0 AND 10),  confidence TEXT CHECK (confidence IN ('high','medium','low')),  note TEXT,  ordinal INTEGER NOT NULL, map_uuid TEXT, extra TEXT,  PRIMARY KEY (sid, source, target, rationale)) WITHOUT ROWID;
INSERT INTO mapping VALUES(1,5,2,'equal-to','semantic',9,'high','same ask',0,NULL,NULL);
INSERT INTO mapping VALUES(1,6,3,'subset-of','functional',5,'medium','narrower',1,NULL,NULL);
INSERT INTO mapping VALUES(1,7,4,'no-relationship','',NULL,NULL,NULL,2,NULL,NULL);
CREATE TABLE control_link (  source INTEGER NOT NULL REFERENCES control(cid) ON DELETE CASCADE,  rel TEXT NOT NULL,  target INTEGER NOT NULL REFERENCES control(cid) ON DELETE CASCADE,  PRIMARY KEY (source, rel, target)) WITHOUT ROWID;
CREATE TABLE mapping_gap (  sid INTEGER NOT NULL REFERENCES mapping_set(sid) ON DELETE CASCADE,  control INTEGER NOT NULL REFERENCES control(cid),  side TEXT NOT NULL CHECK (side IN ('source','target')),  PRIMARY KEY (sid, side, control)) WITHOUT ROWID;
CREATE INDEX control_parent ON control(framework, parent);
CREATE INDEX control_order ON control(framework, ordinal);
CREATE INDEX mapping_set_source ON mapping_set(source);
CREATE INDEX mapping_set_target ON mapping_set(target);
CREATE INDEX mapping_source ON mapping(source);
CREATE INDEX mapping_target ON mapping(target);
CREATE INDEX control_urn ON control(urn) WHERE urn IS NOT NULL;
CREATE INDEX framework_urn ON framework(urn) WHERE urn IS NOT NULL;
CREATE INDEX control_link_target ON control_link(target);
CREATE INDEX control_alt_id ON control(framework, alt_id)  WHERE alt_id IS NOT NULL;
CREATE INDEX mapping_gap_control ON mapping_gap(control);
COMMIT;
PRAGMA user_version = 5;
PRAGMA application_id = 2021092459;
