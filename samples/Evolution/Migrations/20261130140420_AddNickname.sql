-- RelGen migration 20261130140420_AddNickname
-- Written by `dotnet relgen migrations add AddNickname`. Review it before it is applied: MigrateAsync() runs
-- the up section in one transaction; MigrateAsync("<an earlier migration>") runs the down section.
-- Changes:
--   add column reporter.nickname (varchar(20))
--   add index reporter_nickname_idx on reporter (nickname)

-- relgen:up
ALTER TABLE "reporter" ADD COLUMN "nickname" varchar(20);

CREATE INDEX "reporter_nickname_idx" ON "reporter" ("nickname");

-- relgen:down
DROP INDEX "reporter_nickname_idx";

ALTER TABLE "reporter" DROP COLUMN "nickname";
