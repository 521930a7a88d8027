# diff
diff-impact-two-workbooks = { $old_year } on { $old_input }, { $new_year } on { $new_input }
diff-impact-same-workbook = both years on { $input } (the same volumes): the difference is the change of rules alone
