package org.certrevoke.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Names, places and jobs for synthetic holders and representatives, with the accents real ones have; none of them
 * is one of the demo holders' answers, which a test looks for in every column as a secret left in clear.
 */
final class People {

    static final String[] FIRST = {"Maëlle", "Erwan", "Soizic", "Yann", "Anaïs", "Gwenaël", "Éric", "Katell", "Loïc",
        "Nolwenn", "Ronan", "Enora", "Tanguy", "Rozenn", "Goulven", "Azenor", "Brieuc", "Léna", "Mathéo", "Zoé",
        "Claire", "Paul", "Anne", "Jean", "Sophie", "Hélène", "François", "Chloé", "Noémie", "Gaël"};
    static final String[] LAST = {"Le Gall", "Guillou", "Tanguy", "Le Bihan", "Kerhervé", "Quéré", "Le Dû", "Morvan",
        "Riou", "Caradec", "Le Bras", "Martin", "Prigent", "Le Floc'h", "Jézéquel", "Hénaff", "Cozic", "Le Roux",
        "Bréhier", "Nédélec", "Corre", "Le Meur", "Salaün", "Kerjean", "Guéguen", "Bernard", "Petit", "Durand",
        "Lefèvre", "Moreau", "Girard", "Rousseau", "Mercier", "Bonnet", "Dupont", "Lambert", "Fontaine", "Chevalier"};
    static final String[] ESTABLISHMENTS = {"Siège", "Agence de Morlaix", "Agence de Lannion", "Atelier de Lorient",
        "Dépôt de Vannes", "Antenne de Rennes"};
    static final String[] SERVICES = {"Comptabilité", "Direction", "Ressources humaines", "Production", "Achats",
        "Informatique", "Juridique", "Commercial"};
    static final String[] FUNCTIONS = {"Comptable", "Directeur", "Directrice", "Technicien", "Technicienne",
        "Assistante", "Ingénieur", "Juriste", "Gérant", "Chargée d'affaires"};
    static final String[] TRADES = {"Garage", "Boulangerie", "Cabinet", "Étude notariale", "Pharmacie", "Transports",
        "Menuiserie", "Clinique", "Imprimerie", "Conserverie", "Mairie", "Laboratoire"};

    private People() {
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** The ASCII part of an address built from a name: "Le Floc'h" gives "le-floch". */
    static String local(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace(' ', '-').replaceAll("[^a-z0-9-]", "");
    }
}
