package vn.parindex.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The province the deployment's bodies belong to.
 *
 * @param name the province's name ("Bắc Giang"; "Thành phố Hải Phòng" for a centrally-run city): the line a
 *        department's documents print above its name ("UBND TỈNH BẮC GIANG") and the place they are dated from;
 *        empty (the default): no such line, "…" for the place. A People's Committee's documents never print it
 *        ({@link BodyWording}). At most 100 characters.
 */
@Validated
@ConfigurationProperties("parindex.province")
public record ProvinceProperties(@DefaultValue("") @jakarta.validation.constraints.Size(max = 100) String name) {

    public ProvinceProperties {
        name = name == null ? "" : name.strip();
    }
}
