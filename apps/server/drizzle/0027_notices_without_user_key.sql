ALTER TABLE "notification" DROP CONSTRAINT "notification_workspace_id_user_id_app_user_workspace_id_id_fk";
