package main

import (
	"context"
	"sync"
)

// forEachResult runs the pipeline on paths with jobs workers and calls emit
// with each result in the order of paths, from one goroutine, so that emit
// needs no locking and the output is deterministic whatever the scheduling.
// A window bounds how far workers may run ahead of emit, which keeps memory
// flat however many paths there are.
func forEachResult(ctx context.Context, paths []string, jobs int, work func(context.Context, string) result, emit func(result) error) error {
	if jobs < 1 {
		jobs = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type slot struct {
		i int
		r result
	}
	window := 16 * jobs
	todo := make(chan int)
	done := make(chan slot, window)
	tokens := make(chan struct{}, window)

	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				r := work(ctx, paths[i])
				select {
				case done <- slot{i, r}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(todo)
		for i := range paths {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()

	pending := make(map[int]result)
	next := 0
	for s := range done {
		pending[s.i] = s.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if err := emit(r); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return nil
}
