-- Sent replies and handled activity ids are kept only for a retention window (Storage:RetentionHours), then pruned
-- from the oldest. Both columns are written once, at insert, so these indexes only ever grow at their right edge.
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX processed_activities_at ON processed_activities (processed_at);
