-- The cabinet routes now need their own permissions. The admin app shows its cabinet pages to
-- holders of can_view_job_application and its approve/reject buttons to holders of
-- can_change_job_application_status: whoever holds those today (directly or through a role) keeps
-- what the admin app let them do. Fees and campaigns (can_manage_application_fee) are given to
-- super_admin only, at start-up, like every permission.
INSERT INTO user_permission (created_at, updated_at, user_id, role_id, permission)
SELECT now(), now(), p.user_id, p.role_id, m.granted
FROM user_permission p
JOIN (VALUES ('can_view_job_application', 'can_view_cabinet_application'),
             ('can_change_job_application_status', 'can_change_cabinet_application_status')) AS m (held, granted)
  ON p.permission = m.held
WHERE p.delete_at IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM user_permission q
      WHERE q.permission = m.granted AND q.delete_at IS NULL
        AND q.user_id IS NOT DISTINCT FROM p.user_id AND q.role_id IS NOT DISTINCT FROM p.role_id);
