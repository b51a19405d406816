package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * Finds the dictionary string to write next, after giflossy: a depth-first walk of the LZW trie
 * from the current pixel, taking the exact index first and, when lossy, every other child whose
 * colour the pixel may take; the longest string wins, then the smallest error. The first pixel may
 * be substituted too (a kept pixel may start a string in the colour already shown). The walk is
 * capped so a wide error budget cannot make it explode.
 */
final class MatchSearch {

    /** The most near (not exact) trie nodes one search follows. */
    private static final int MAX_VISITS = 2000;

    private final LzwEncoder trie;
    private final int[] stackCode = new int[MAX_VISITS + 4096];
    private final int[] stackPos = new int[MAX_VISITS + 4096];
    private final long[] stackCost = new long[MAX_VISITS + 4096];
    private final long[] stackCarry = new long[MAX_VISITS + 4096];
    private int bestEnd;
    private int lossyLeft;

    MatchSearch(LzwEncoder trie) {
        this.trie = trie;
    }

    /**
     * The longest string the pixels from {@code start} may be written as.
     *
     * @param px the pixels
     * @param start the first pixel
     * @param roots the number of single-index codes
     * @param lossy whether other indices than the wanted ones may be taken
     * @param first the index the string must begin with (already in the dictionary's next entry), or -1
     *     to choose it here
     * @return the code; {@link #end()} is the pixel after its string
     */
    int longest(LzwEncoder.Pixels px, int start, int roots, boolean lossy, int first) {
        int n = px.size();
        int want = first >= 0 ? first : px.wanted(start);
        int top = 0;
        lossyLeft = lossy ? MAX_VISITS : 0;
        if (lossy && first < 0) {
            for (int c : px.near(start)) {
                int k = c == want || c >= roots ? -1 : px.cost(start, c, Carry.NONE);
                if (k >= 0) {
                    top = push(top, c, start + 1, k, px.carry(start, c, Carry.NONE));
                }
            }
        }
        int firstCost = want == px.wanted(start) ? 0 : Math.max(0, px.cost(start, want, Carry.NONE));
        top = push(top, want, start + 1, firstCost, px.carry(start, want, Carry.NONE));
        int bestCode = want;
        long bestCost = Long.MAX_VALUE;
        bestEnd = start;
        while (top > 0) {
            top--;
            int code = stackCode[top];
            int pos = stackPos[top];
            long cost = stackCost[top];
            long carried = stackCarry[top];
            if (pos > bestEnd || pos == bestEnd && cost < bestCost) {
                bestCode = code;
                bestEnd = pos;
                bestCost = cost;
            }
            if (pos >= n) {
                continue;
            }
            top = children(px, code, pos, cost, carried, lossy, top);
        }
        return bestCode;
    }

    /**
     * The pixel after the string {@link #longest} found.
     *
     * @return its position
     */
    int end() {
        return bestEnd;
    }

    private int children(LzwEncoder.Pixels px, int code, int pos, long cost, long carried, boolean lossy,
            int top) {
        int want = px.wanted(pos);
        for (int c = trie.firstChild(code); c >= 0 && lossyLeft > 0; c = trie.nextSibling(c)) {
            int s = trie.suffix(c);
            int k = s == want ? -1 : px.cost(pos, s, carried);
            if (k >= 0) {
                lossyLeft--;
                top = push(top, c, pos + 1, cost + k, px.carry(pos, s, carried));
            }
        }
        int exact = trie.child(code, want);
        return exact >= 0 ? push(top, exact, pos + 1, cost, px.carry(pos, want, carried)) : top;
    }

    private int push(int top, int code, int pos, long cost, long carried) {
        if (top >= stackCode.length) {
            return top;
        }
        stackCode[top] = code;
        stackPos[top] = pos;
        stackCost[top] = cost;
        stackCarry[top] = carried;
        return top + 1;
    }
}
