"""The analyst's alternative to ShareLens, for the benchmark: load a Purview audit-search CSV into
DuckDB, extract the AuditData fields the report needs, and count Anyone links per site, per
weekday x hour and per origin. Prints the wall time of the query alone."""
import sys
import time

import duckdb

path = sys.argv[1]
threads = sys.argv[2] if len(sys.argv) > 2 else "2"
con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
start = time.perf_counter()
con.execute(
    f"""
    CREATE TABLE links AS
    SELECT
      json_extract_string(AuditData, '$.UniqueSharingId') AS link,
      json_extract_string(AuditData, '$.SiteUrl') AS site,
      CAST(json_extract_string(AuditData, '$.CreationTime') AS TIMESTAMP) AS created,
      json_extract_string(AuditData, '$.UserAgent') AS agent,
      json_extract_string(AuditData, '$.ObjectId') AS item
    FROM read_csv('{path}', header = true, all_varchar = true, max_line_size = 16777216)
    WHERE Operation = 'AnonymousLinkCreated'
    """
)
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
