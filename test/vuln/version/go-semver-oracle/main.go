// Test-only oracle for cubecape's Go version order: reads "a<TAB>b" lines on stdin and prints
// "<semver.Compare(a, b)> <IsValid(a)> <IsValid(b)>" per line, using golang.org/x/mod/semver,
// the package the go command itself uses to order module versions.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func valid(v string) int {
	if semver.IsValid(v) {
		return 1
	}
	return 0
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		a, b, ok := strings.Cut(in.Text(), "\t")
		if !ok {
			fmt.Fprintf(os.Stderr, "expected a<TAB>b, got %q\n", in.Text())
			os.Exit(2)
		}
		fmt.Fprintf(out, "%d %d %d\n", semver.Compare(a, b), valid(a), valid(b))
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
