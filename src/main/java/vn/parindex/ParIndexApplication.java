package vn.parindex;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.parindex.backup.RestoreCommand;

/** PAR Index Tracker: theo dõi kế hoạch nâng cao Chỉ số cải cách hành chính. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParIndexApplication {

    public static void main(String[] args) {
        if (RestoreCommand.isRestore(args)) {
            RestoreCommand.run(ParIndexApplication.class, args);
            return;
        }
        SpringApplication.run(ParIndexApplication.class, args);
    }
}
