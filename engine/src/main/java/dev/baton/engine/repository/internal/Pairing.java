package dev.baton.engine.repository.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pairs the items of two lists by a key, the n-th occurrence of a key with the n-th. */
final class Pairing {
  private Pairing() {}

  /** For each item of {@code b}, the index of its partner in {@code a}, or -1. */
  static <T> int[] pair(List<? extends T> a, List<? extends T> b, Function<T, String> key) {
    Map<String, Deque<Integer>> free = new HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      free.computeIfAbsent(key.apply(a.get(i)), k -> new ArrayDeque<>()).add(i);
    }
    int[] out = new int[b.size()];
    for (int j = 0; j < b.size(); j++) {
      Deque<Integer> q = free.get(key.apply(b.get(j)));
      out[j] = q == null || q.isEmpty() ? -1 : q.poll();
    }
    return out;
  }
}
