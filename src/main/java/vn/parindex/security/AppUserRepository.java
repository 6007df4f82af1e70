package vn.parindex.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u left join fetch u.unit where u.username = lower(:username)")
    Optional<AppUser> findByUsernameWithUnit(String username);

    @Query("select u from AppUser u left join fetch u.unit where u.username in :usernames order by u.id")
    List<AppUser> findByUsernames(List<String> usernames);

    @Query("select u from AppUser u left join fetch u.unit order by u.role, u.username")
    List<AppUser> findAllWithUnits();

    /** Replaces the password hash only if it is still {@code expected}; how many rows changed (0 or 1). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AppUser u set u.passwordHash = :fresh, u.version = u.version + 1 "
            + "where u.id = :id and u.passwordHash = :expected")
    int replacePasswordHash(long id, String expected, String fresh);

    @Query("select u from AppUser u left join fetch u.unit where u.id = :id")
    Optional<AppUser> findByIdWithUnit(Long id);

    /** Whether any body's account has that name (user names are the deployment's; V18's function sees them all). */
    @Query(value = "select parindex_username_taken(:username)", nativeQuery = true)
    boolean usernameTaken(String username);

    /** The heads of a unit (of the body the connection works on). */
    @Query("select u from AppUser u where u.unit.id = :unitId and u.role = vn.parindex.security.Role.UNIT_HEAD "
            + "order by u.id")
    List<AppUser> headsOf(long unitId);
}
