package io.cdc4j.owner;

import io.cdc4j.meta.TableShare;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spreads one changefeed's tables over the captures that can run them by table count, as TiCDC's scheduler
 * balances, moving as few tables as it can; and moves one table on request. The lead capture holds every table not
 * in a share, so a table the balancer does not know (created since) stays with the lead.
 */
final class TableBalancer {
    private TableBalancer() {
    }

    /**
     * The shares that spread {@code tables} evenly over the lead and {@code holders}: every capture ends with the
     * same count, give or take one; tables stay where they are unless their capture holds too many or is gone.
     *
     * @param tables  every table of the changefeed
     * @param lead    the lead capture
     * @param shares  the shares now
     * @param holders the captures that can hold a share (the lead left out)
     */
    static Map<String, TableShare> balance(Collection<Long> tables, String lead, Map<String, TableShare> shares,
                                           Collection<String> holders) {
        Set<String> eligible = new TreeSet<>(holders);
        eligible.remove(lead);
        Map<String, List<Long>> held = new TreeMap<>();
        held.put(lead, new ArrayList<>());
        eligible.forEach(capture -> held.put(capture, new ArrayList<>()));
        Map<Long, String> holderOf = new HashMap<>();
        shares.forEach((capture, share) -> share.tableIds().forEach(table -> holderOf.put(table, capture)));
        for (long table : new TreeSet<>(tables)) {
            String capture = holderOf.getOrDefault(table, lead);
            held.getOrDefault(capture, held.get(lead)).add(table);
        }
        int count = held.values().stream().mapToInt(List::size).sum();
        int base = count / held.size();
        int extra = count % held.size();
        List<String> byLoad = new ArrayList<>(held.keySet());
        byLoad.sort(Comparator.<String>comparingInt(capture -> held.get(capture).size()).reversed()
                .thenComparing(capture -> !capture.equals(lead)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> quota = new HashMap<>();
        for (int i = 0; i < byLoad.size(); i++) {
            quota.put(byLoad.get(i), base + (i < extra ? 1 : 0));
        }
        List<Long> pool = new ArrayList<>();
        held.forEach((capture, list) -> {
            while (list.size() > quota.get(capture)) {
                pool.add(list.removeLast());
            }
        });
        pool.sort(Comparator.naturalOrder());
        for (Map.Entry<String, List<Long>> entry : held.entrySet()) {
            while (entry.getValue().size() < quota.get(entry.getKey())) {
                entry.getValue().add(pool.removeFirst());
            }
        }
        held.remove(lead);
        return sharesOf(held, shares);
    }

    /**
     * The shares after {@code table} moves to {@code target}: out of the share holding it, into the target's (a new
     * one when it held none), or back to the lead when the target is the lead.
     */
    static Map<String, TableShare> move(long table, String target, String lead, Map<String, TableShare> shares) {
        Map<String, List<Long>> held = new TreeMap<>();
        shares.forEach((capture, share) -> {
            List<Long> kept = new ArrayList<>(share.tableIds());
            kept.remove(table);
            held.put(capture, kept);
        });
        if (!target.equals(lead)) {
            held.computeIfAbsent(target, ignored -> new ArrayList<>()).add(table);
        }
        return sharesOf(held, shares);
    }

    /** Shares of the non-empty lists, each capture keeping its slot, a new one taking the lowest free slot. */
    private static Map<String, TableShare> sharesOf(Map<String, List<Long>> held, Map<String, TableShare> before) {
        Map<String, TableShare> result = new TreeMap<>();
        Set<Integer> used = new TreeSet<>();
        held.forEach((capture, list) -> {
            TableShare old = before.get(capture);
            if (!list.isEmpty() && old != null) {
                used.add(old.slot());
                result.put(capture, new TableShare(old.slot(), list));
            }
        });
        held.forEach((capture, list) -> {
            if (!list.isEmpty() && !result.containsKey(capture)) {
                int slot = 1;
                while (used.contains(slot)) {
                    slot++;
                }
                used.add(slot);
                result.put(capture, new TableShare(slot, list));
            }
        });
        return result;
    }
}
