# template
template-no-directory = { $file }: cannot write the template: the directory `{ $dir }` does not exist
    {"  "}= hint: create the directory first, or choose another place with `-o`
template-exists = { $file }: the file exists already and the template would replace it
    {"  "}= hint: remove it first, or choose another name with `-o`
template-cannot-build = cannot build the workbook: { $reason }
