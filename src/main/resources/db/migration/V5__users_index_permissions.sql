CREATE INDEX IF NOT EXISTS ix_user_permission_user_id ON user_permission (user_id);
CREATE INDEX IF NOT EXISTS ix_user_permission_role_id ON user_permission (role_id);
CREATE INDEX IF NOT EXISTS ix_user_role_user_id ON user_role (user_id);
CREATE INDEX IF NOT EXISTS ix_addresses_user_id ON addresses (user_id);
CREATE INDEX IF NOT EXISTS ix_profession_status_user_id ON profession_status (user_id);
CREATE INDEX IF NOT EXISTS ix_school_curriculum_user_id ON school_curriculum (user_id);
