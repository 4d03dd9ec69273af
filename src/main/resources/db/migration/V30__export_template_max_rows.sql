-- Export templates (issue 11): the most rows one run exports; null = every row the filter matches.
alter table export_template add column max_rows int check (max_rows > 0);
