-- Who judged each reply: 'model' (the model judge), 'rules' (the offline engine, by design) or 'fallback' (a model
-- judge was asked and gave no usable verdict, so the rules alone judged). Null for turns stored before this column.
ALTER TABLE turns ADD COLUMN judge_source TEXT;
