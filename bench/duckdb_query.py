"""The analyst's alternative to ShareLens, for the benchmark: load a Purview audit-search CSV into
DuckDB, extract the AuditData fields the report needs, and count Anyone links per site, per
weekday x hour and per origin. Prints the wall time of the query alone.

Two ways to get there (the third argument):
- `anyone` (the benchmark's target): the rows whose Operation column says AnonymousLinkCreated are
  picked first, so DuckDB parses the AuditData of those rows only (7.5 % of the sample's rows).
- `every`: the AuditData fields the report reads are taken from every row (one parse of each row's
  JSON, as ShareLens must: uses, removals and group records shape the links too), kept in a table
  with duplicate records removed, and the same counts made from it.
- `split`: only the rows of AnonymousLinkCreated counted, no JSON at all: what `anyone` spends on
  cutting the CSV into rows and fields."""
import sys
import time

import duckdb

path = sys.argv[1]
threads = sys.argv[2] if len(sys.argv) > 2 else "2"
mode = sys.argv[3] if len(sys.argv) > 3 else "anyone"
con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
source = f"read_csv('{path}', header = true, all_varchar = true, max_line_size = 16777216)"
start = time.perf_counter()
if mode == "anyone":
    con.execute(
        f"""
        CREATE TABLE links AS
        SELECT
          json_extract_string(AuditData, '$.UniqueSharingId') AS link,
          json_extract_string(AuditData, '$.SiteUrl') AS site,
          CAST(json_extract_string(AuditData, '$.CreationTime') AS TIMESTAMP) AS created,
          json_extract_string(AuditData, '$.UserAgent') AS agent,
          json_extract_string(AuditData, '$.ObjectId') AS item
        FROM {source}
        WHERE Operation = 'AnonymousLinkCreated'
        """
    )
elif mode == "every":
    # The fields AuditRecordDecoder keeps, all read in one parse of each row's JSON.
    fields = [
        "Id", "CreationTime", "Operation", "UserId", "Workload", "ObjectId", "SiteUrl", "SourceRelativeUrl",
        "SourceFileName", "ListItemUniqueId", "UniqueSharingId", "EventData", "TargetUserOrGroupName",
        "UserAgent", "ApplicationDisplayName", "CorrelationId", "SharingLinkScope",
    ]
    paths = "[" + ", ".join(f"'$.{field}'" for field in fields) + "]"
    con.execute(f"CREATE TABLE raw AS SELECT json_extract_string(AuditData, {paths}) AS f FROM {source}")
    con.execute("CREATE TABLE records AS SELECT any_value(f) AS f FROM raw GROUP BY lower(f[1])")
    con.execute(
        """
        CREATE TABLE links AS
        SELECT f[11] AS link, f[7] AS site, CAST(f[2] AS TIMESTAMP) AS created, f[14] AS agent, f[6] AS item
        FROM records WHERE f[3] = 'AnonymousLinkCreated'
        """
    )
elif mode == "split":
    (rows,) = con.execute(f"SELECT count(*) FROM {source} WHERE Operation = 'AnonymousLinkCreated'").fetchone()
    print(f"duckdb_seconds={time.perf_counter() - start:.3f} anyone_rows={rows}")
    sys.exit(0)
else:
    sys.exit(f"unknown mode {mode}: anyone, every or split")
per_site = con.execute("SELECT site, count(DISTINCT link) FROM links GROUP BY site ORDER BY 2 DESC").fetchall()
per_hour = con.execute(
    "SELECT dayofweek(created), hour(created), count(*) FROM links GROUP BY 1, 2 ORDER BY 1, 2"
).fetchall()
per_origin = con.execute(
    """
    SELECT CASE
      WHEN agent LIKE '%Teams/%' THEN 'teams'
      WHEN agent LIKE '%Outlook Web App%' THEN 'outlookWeb'
      WHEN agent LIKE '%Microsoft Outlook%' THEN 'outlookDesktop'
      WHEN agent LIKE '%SkyDriveSync%' THEN 'syncClient'
      WHEN agent LIKE 'Microsoft Office %' THEN 'officeApp'
      WHEN item LIKE '%/Microsoft Teams Chat Files/%' THEN 'teams'
      WHEN item LIKE '%/Attachments/%' THEN 'outlookWeb'
      WHEN agent LIKE 'Mozilla/%' THEN 'web'
      ELSE 'unknown' END AS origin, count(*)
    FROM links GROUP BY 1 ORDER BY 1
    """
).fetchall()
elapsed = time.perf_counter() - start
anyone = sum(count for _, count in per_site)
print(f"duckdb_seconds={elapsed:.3f} anyone_links={anyone} sites={len(per_site)} hours={len(per_hour)} origins={len(per_origin)}")
