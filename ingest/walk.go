package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// File is one file met by [Walk]: the articles read from it, why it was
// rejected, or why it was skipped.
type File struct {
	Path     string          // as given, or filepath.Join(given folder, relative path); "-" for stdin
	Articles []model.Article // the good articles, also when Err lists bad entries
	// Err is non-nil when the file, or some of its entries, were rejected:
	// an [*Error] or a join of them, naming the file and the problem.
	Err error
	// Skipped is non-empty when the file was skipped on purpose, with the
	// reason ("not an article extension", "evaluation answers (*.gold.json)").
	Skipped string
}

// Skip reasons of [File.Skipped].
const (
	SkipExtension = "not an article extension"
	SkipGold      = "evaluation answers (*.gold.json)"
	SkipHidden    = "hidden"
	SkipDirLink   = "symbolic link to a folder"
	SkipSpecial   = "not a regular file"
)

// Walk expands paths (files, folders recursively, "-" = stdin) and calls fn
// once per file, in order: paths in the order given, folder members in
// lexical order. Inside folders it skips, with a note, files without an
// article extension ([IsArticleExt]), evaluation answers (*.gold.json) and
// hidden files and folders; a file named explicitly is always tried.
//
// A file's problem (ErrRead, ErrTooLarge and those of [Parse]) goes to fn
// in [File.Err] and never stops the walk. Walk stops and returns the error
// when fn returns one or ctx is done.
func Walk(ctx context.Context, paths []string, stdin io.Reader, fn func(File) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := fn(readStdin(stdin)); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(File{Path: p, Err: readError(p, err)}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := fn(readFile(p, info)); err != nil {
				return err
			}
			continue
		}
		if err := walkDir(ctx, p, fn); err != nil {
			return err
		}
	}
	return nil
}

func walkDir(ctx context.Context, root string, fn func(File) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if path != root {
			rel, rerr := filepath.Rel(root, path)
			if rerr == nil {
				path = filepath.Join(root, rel)
			}
		}
		if err != nil {
			if ferr := fn(File{Path: path, Err: readError(path, err)}); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if ferr := fn(File{Path: path, Skipped: SkipHidden}); ferr != nil {
				return ferr
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(path) // follows symbolic links
		switch {
		case err != nil:
			return fn(File{Path: path, Err: readError(path, err)})
		case info.IsDir():
			return fn(File{Path: path, Skipped: SkipDirLink}) // not followed: it could loop
		}
		if skip := skipReason(name); skip != "" {
			return fn(File{Path: path, Skipped: skip})
		}
		return fn(readFile(path, info))
	})
}

// skipReason says why a folder member is not read, or "".
func skipReason(name string) string {
	low := strings.ToLower(name)
	switch {
	case strings.HasSuffix(low, ".gold.json"):
		return SkipGold
	case !IsArticleExt(low):
		return SkipExtension
	}
	return ""
}

func readFile(path string, info fs.FileInfo) File {
	f := File{Path: path}
	if !info.Mode().IsRegular() {
		f.Skipped = SkipSpecial
		return f
	}
	if info.Size() > MaxFileSize {
		f.Err = &Error{Path: path, Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d MiB, the limit is %d MiB", info.Size()>>20, MaxFileSize>>20),
			Hint:   "split the file or remove what is not article text"}
		return f
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f.Err = readError(path, err)
		return f
	}
	f.Articles, f.Err = Parse(path, data)
	return f
}

func readStdin(r io.Reader) File {
	f := File{Path: "-"}
	if r == nil {
		f.Err = &Error{Path: "-", Err: ErrRead, Detail: "no standard input"}
		return f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		f.Err = readError("-", err)
		return f
	}
	f.Articles, f.Err = Parse("-", data)
	return f
}

func readError(path string, err error) error {
	hint := "check the path and its permissions"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		hint = "check the path: no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		hint = "check the permissions of the file"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: ErrRead, Detail: err.Error(), Hint: hint}
}
