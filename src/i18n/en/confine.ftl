# confine
confine-bad-root = `--rot { $dir }`: { $reason }
confine-root-not-a-folder = it is not a folder
confine-root-missing = the folder does not exist
confine-outside = `{ $path }` is not read: { $reason }
confine-reason-outside = it lies outside the folder `{ $dir }`
confine-hint-rot = files are read only in the folder of the file that names them and its subfolders; give `--rot DIR` to allow files under DIR too
confine-reason-not-a-file = { $kind ->
    [dir] it is a folder, not a file
    [fifo] it is a named pipe (FIFO), not a regular file
    [device] it is a device file, not a regular file
   *[other] it is not a regular file
}
confine-reason-too-large = the file is larger than { $cap } MiB, the largest rule file read
confine-reason-not-rules = `bygger_på` reads only rule files, which end in `.ek`
confine-hint-rules = name last year's rule file, e.g. `bygger_på "2023.ek"`
confine-cannot-read = cannot read `{ $path }`: { $reason }
confine-chain-too-long = the chain of `bygger_på` is longer than { $max } files
confine-hint-chain = a file builds on last year's; this many links in a row is likely a mistake
confine-verify-refused = cannot verify the report: it names files that are not read
