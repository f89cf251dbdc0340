-- An article's search vector is kept in its row rather than out of line: ranking a search's matches
-- read it (several times a row) from the TOAST table for about half of the Russian articles. The
-- body and the text, which only a page's rows read, go out of line first.
ALTER TABLE "kb_article" ALTER COLUMN "search" SET STORAGE MAIN;--> statement-breakpoint
-- Written again (the vector is worked out anew when the title is set), so that existing rows move it in line.
UPDATE "kb_article" SET "title" = "title";
