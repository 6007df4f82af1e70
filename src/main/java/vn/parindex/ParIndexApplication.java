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
        useJdkXmlTransformer();
        if (RestoreCommand.isRestore(args)) {
            RestoreCommand.run(ParIndexApplication.class, args);
            return;
        }
        SpringApplication.run(ParIndexApplication.class, args);
    }

    /**
     * Names the JDK's own XML transformer, the one the JDK would find anyway (no jar of the application brings
     * another): POI asks for a new {@code TransformerFactory} for every part of every workbook or document it saves,
     * and without a name the JDK first searches every jar's {@code META-INF/services} for one (13 % of the appendix
     * workbook's CPU, profiled with JFR). A value set on the command line is kept.
     */
    static void useJdkXmlTransformer() {
        if (System.getProperty(XML_TRANSFORMER) == null) {
            System.setProperty(XML_TRANSFORMER, "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        }
    }

    static final String XML_TRANSFORMER = "javax.xml.transform.TransformerFactory";
}
