# diff
diff-impact-two-workbooks = { $old_year } på { $old_input }, { $new_year } på { $new_input }
diff-impact-same-workbook = båda åren på { $input } (samma volymer): skillnaden är enbart regeländringen
