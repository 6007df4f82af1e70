package vn.parindex.ranking;

import java.math.BigDecimal;

/**
 * A line of a cycle's ranking table: another body's total of the baseline year, either published by the province
 * on this deployment ({@code published}: its index, read-only here) or typed in by Home Affairs ({@code id} and
 * {@code version} of its row in {@code peer_district_score}).
 */
public record PeerLine(Long id, String district, BigDecimal total, Long version, boolean published) {
}
