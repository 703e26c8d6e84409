-- The SQLite store of vnplan (schema version 1; record contract version 1).
--
-- Compiled into the binary at build time (tools/embed_text.cmake) and run once on a new database
-- by OpenSqliteSink (src/emit/emit.h). A database whose meta.schema_version differs is refused.
--
-- One table per record type of the contract (../shared/DESIGN.md, src/emit/record.schema.json).
-- Every record is one row keyed by (doc, seq): doc is the document id (hex SHA-256 of the input
-- bytes), seq the record's 0-based ordinal in its document's output, the same pair the JSON
-- Lines output carries. Each row has the common columns, then one column per field of its type
-- in contract order, then `json`: the record's whole JSON line, so no field is ever lost.
--
--   common columns  doc, seq, span_start, span_end, line, text (types drawn from text only),
--                   section, rule
--   ranges          a field {start, end} such as a section's extent is <field>_start, <field>_end
--   lists           arrays (recipients, projects, tasks, a finding's records) are JSON text:
--                   SELECT value FROM responsibilities, json_each(responsibilities.tasks)
--   booleans        0 / 1;  null fields are NULL
--
-- Every table refers to documents(doc) with ON DELETE CASCADE: writing a document again
-- deletes its row in documents and with it all its records, in the same transaction as the new
-- rows. Foreign keys are enforced (OpenSqliteSink turns them on).
--
-- Example queries:
--
--   -- Every plan that cites Quyết định 90/QĐ-TTg, with where it says so:
--   SELECT d.path, c.line, c.text FROM citations c JOIN documents d USING (doc)
--   WHERE c.number = '90/QĐ-TTg';
--
--   -- Money per project and fund in one plan:
--   SELECT project, fund, value_vnd FROM budget_by_project
--   WHERE doc = (SELECT doc FROM documents WHERE path = 'plans/34-KH-UBND.txt');
--
--   -- Which agencies lead the most tasks across the corpus:
--   SELECT agency, count(*) AS n FROM who_chairs GROUP BY agency ORDER BY n DESC LIMIT 10;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('contract_version', '1');

-- One row per input document. An input that was read but refused (binary) has a row with its
-- file facts only: seq, json and the header columns are NULL.
CREATE TABLE documents (
  doc           TEXT PRIMARY KEY,
  seq           INTEGER,
  section       TEXT,
  rule          TEXT,
  path          TEXT NOT NULL,
  bytes         INTEGER,
  encoding      TEXT,
  confidence    REAL,
  format        TEXT,
  doc_type      TEXT,     -- "Kế hoạch"
  number        TEXT,     -- "34/KH-UBND", NULL for a blank "Số: /KH-UBND"
  issuer        TEXT,
  issuer_parent TEXT,
  place         TEXT,
  date          TEXT,     -- ISO
  year          INTEGER,
  title         TEXT,
  signer        TEXT,
  signer_title  TEXT,
  sign_mode     TEXT,     -- "TM.", "KT.", ...
  recipients    TEXT,     -- JSON array
  json          TEXT
);

CREATE TABLE sections (
  doc          TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  span_start   INTEGER,
  span_end     INTEGER,
  line         INTEGER,
  text         TEXT,      -- the heading line
  section      TEXT,
  rule         TEXT,
  id           TEXT,      -- "V.3.b"
  parent       TEXT,
  level        INTEGER,   -- 0: header, can_cu, signature, noi_nhan; 1: top of the body
  label        TEXT,
  heading      TEXT,
  kind         TEXT,      -- muc_dich, nguon_von, to_chuc_thuc_hien, du_an, ...
  project      TEXT,      -- "du_an_3.tieu_du_an_1"
  applies      INTEGER,
  extent_start INTEGER,
  extent_end   INTEGER,
  json         TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);

CREATE TABLE citations (
  doc         TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  span_start  INTEGER,
  span_end    INTEGER,
  line        INTEGER,
  text        TEXT,
  section     TEXT,
  rule        TEXT,
  doc_type    TEXT,       -- "Quyết định"
  number      TEXT,       -- "90/QĐ-TTg"; NULL for a law cited by name
  type_code   TEXT,       -- "QĐ"
  issuer_code TEXT,       -- "TTg"
  num_year    INTEGER,
  date        TEXT,
  issuer      TEXT,
  title       TEXT,
  role        TEXT,       -- "legal_basis" (Căn cứ) or "reference"
  repaired    INTEGER,    -- 1 when the number was rebuilt from a damaged form ("1315/QĐUBND")
  json        TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE INDEX citations_number ON citations (number);

CREATE TABLE amounts (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  value_vnd  INTEGER,     -- đồng
  scale      TEXT,        -- "triệu", "tỷ"
  fund       TEXT,        -- "ngân sách trung ương"
  project    TEXT,        -- "du_an_2"
  year       INTEGER,
  per        TEXT,        -- a rate: "hộ" for "... đồng/hộ"
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE INDEX amounts_project ON amounts (project);

CREATE TABLE quantities (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  value      REAL,
  value_to   REAL,
  unit       TEXT,        -- "%", "hộ", "lao động", ...
  comparator TEXT,        -- "=", ">", ">=", "<", "<=", "range", "about"
  per        TEXT,
  subject    TEXT,
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);

CREATE TABLE dates (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  iso        TEXT,        -- "2022-01-18", "--06-10", "2019-05"
  resolved   TEXT,
  kind       TEXT,        -- issued, cited, deadline, period, event
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE INDEX dates_iso ON dates (iso);

CREATE TABLE responsibilities (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  agency     TEXT,
  role       TEXT,        -- chu_tri, phoi_hop, tham_muu, thuong_truc, tong_hop, de_nghi, thuc_hien
  projects   TEXT,        -- JSON array
  tasks      TEXT,        -- JSON array
  agency_text TEXT,       -- the agency as the text writes it ("Phòng LĐTBXH huyện")
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE INDEX responsibilities_agency ON responsibilities (agency);

CREATE TABLE reports (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  reporter   TEXT,
  recipient  TEXT,
  due        TEXT,
  what       TEXT,
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);

CREATE TABLE findings (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  code       TEXT,
  severity   TEXT,        -- error, warning, info
  message    TEXT,
  records    TEXT,        -- JSON array of seq numbers, {"doc", "seq"} objects or spans
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);

-- The records a finding names, one row each, for joins: a seq number n in findings.records is
-- (record_doc = doc, record_seq = n); {"doc": d, "seq": n} is (d, n); spans are not listed.
CREATE TABLE finding_records (
  doc         TEXT NOT NULL,
  finding_seq INTEGER NOT NULL,
  record_doc  TEXT NOT NULL,
  record_seq  INTEGER NOT NULL,
  FOREIGN KEY (doc, finding_seq) REFERENCES findings (doc, seq) ON DELETE CASCADE
);
CREATE INDEX finding_records_finding ON finding_records (doc, finding_seq);
CREATE INDEX finding_records_record ON finding_records (record_doc, record_seq);

-- Problems met while reading. doc is NULL for an input that could not be read at all; such rows
-- are replaced by path.
CREATE TABLE diagnostics (
  doc     TEXT REFERENCES documents (doc) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  section TEXT,
  rule    TEXT,
  level   TEXT,             -- error, warning, info
  code    TEXT,             -- "ingest.invalid_bytes"
  message TEXT,
  path    TEXT,
  offset  INTEGER,          -- byte offset in the raw input
  json    TEXT NOT NULL,
  UNIQUE (doc, seq)
);
CREATE INDEX diagnostics_path ON diagnostics (path);

-- Records of a type this schema does not know yet (the contract allows new types).
CREATE TABLE other_records (
  doc        TEXT NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  span_start INTEGER,
  span_end   INTEGER,
  line       INTEGER,
  text       TEXT,
  section    TEXT,
  rule       TEXT,
  json       TEXT NOT NULL,
  PRIMARY KEY (doc, seq)
);

-- The legal bases of each document (citations in its "Căn cứ" preamble) with their audit
-- status: 'ok' when no finding names the citation, else the worst severity among the findings
-- that do ('error', 'warning', 'info'), and their codes.
CREATE VIEW legal_bases AS
SELECT
  c.doc, c.seq, d.path, c.doc_type, c.number, c.date, c.issuer, c.title, c.line, c.text,
  COALESCE(
    (SELECT CASE MIN(CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END)
              WHEN 0 THEN 'error' WHEN 1 THEN 'warning' WHEN 2 THEN 'info' END
     FROM finding_records AS fr
     JOIN findings AS f ON f.doc = fr.doc AND f.seq = fr.finding_seq
     WHERE fr.record_doc = c.doc AND fr.record_seq = c.seq),
    'ok') AS status,
  (SELECT group_concat(f.code, ' ')
   FROM finding_records AS fr
   JOIN findings AS f ON f.doc = fr.doc AND f.seq = fr.finding_seq
   WHERE fr.record_doc = c.doc AND fr.record_seq = c.seq) AS findings
FROM citations AS c
JOIN documents AS d ON d.doc = c.doc
WHERE c.role = 'legal_basis';

-- The amounts stated for each project and fund of a document, summed (a total and its parts
-- are both counted: compare with the plan's own total).
CREATE VIEW budget_by_project AS
SELECT doc, project, fund, SUM(value_vnd) AS value_vnd, COUNT(*) AS amounts
FROM amounts
GROUP BY doc, project, fund;

-- The lead agency (chủ trì) of each assignment.
CREATE VIEW who_chairs AS
SELECT r.doc, r.seq, d.path, r.agency, r.projects, r.tasks, r.section, r.line, r.text
FROM responsibilities AS r
JOIN documents AS d ON d.doc = r.doc
WHERE r.role = 'chu_tri';
